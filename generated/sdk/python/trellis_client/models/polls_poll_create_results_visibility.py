from enum import StrEnum

class PollsPollCreateResultsVisibility(StrEnum):
    AFTER_CLOSE = "AFTER_CLOSE"
    ALWAYS = "ALWAYS"

    def __str__(self) -> str:
        return str(self.value)
