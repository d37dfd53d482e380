from enum import StrEnum

class FeedsRefreshOutcome(StrEnum):
    FETCHED = "FETCHED"
    NOT_MODIFIED = "NOT_MODIFIED"

    def __str__(self) -> str:
        return str(self.value)
