from enum import StrEnum

class PasswordGrantGrantType(StrEnum):
    PASSWORD = "PASSWORD"

    def __str__(self) -> str:
        return str(self.value)
