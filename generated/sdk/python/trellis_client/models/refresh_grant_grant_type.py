from enum import StrEnum

class RefreshGrantGrantType(StrEnum):
    REFRESH_TOKEN = "REFRESH_TOKEN"

    def __str__(self) -> str:
        return str(self.value)
