from enum import StrEnum

class PollsPollUpdateResultsVisibility(StrEnum):
    AFTER_CLOSE = "AFTER_CLOSE"
    ALWAYS = "ALWAYS"

    def __str__(self) -> str:
        return str(self.value)
