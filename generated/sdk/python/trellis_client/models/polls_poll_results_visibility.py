from enum import StrEnum

class PollsPollResultsVisibility(StrEnum):
    AFTER_CLOSE = "AFTER_CLOSE"
    ALWAYS = "ALWAYS"

    def __str__(self) -> str:
        return str(self.value)
