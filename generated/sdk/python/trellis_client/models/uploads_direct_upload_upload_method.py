from enum import StrEnum

class UploadsDirectUploadUploadMethod(StrEnum):
    POST = "POST"

    def __str__(self) -> str:
        return str(self.value)
