from enum import StrEnum

class StartOAuthLoginResult(StrEnum):
    SESSION = "SESSION"
    TOKENS = "TOKENS"

    def __str__(self) -> str:
        return str(self.value)
