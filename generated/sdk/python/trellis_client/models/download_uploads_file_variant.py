from enum import StrEnum

class DownloadUploadsFileVariant(StrEnum):
    ORIGINAL = "ORIGINAL"
    STRIPPED = "STRIPPED"

    def __str__(self) -> str:
        return str(self.value)
