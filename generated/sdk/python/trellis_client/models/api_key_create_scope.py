from enum import StrEnum

class ApiKeyCreateScope(StrEnum):
    READ_ONLY = "READ_ONLY"
    READ_WRITE = "READ_WRITE"

    def __str__(self) -> str:
        return str(self.value)
