from enum import StrEnum

class ImportPolicy(StrEnum):
    ALL_OR_NOTHING = "ALL_OR_NOTHING"
    SKIP_INVALID = "SKIP_INVALID"

    def __str__(self) -> str:
        return str(self.value)
