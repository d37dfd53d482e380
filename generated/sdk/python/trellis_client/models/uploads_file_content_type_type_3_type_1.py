from enum import StrEnum

class UploadsFileContentTypeType3Type1(StrEnum):
    APPLICATIONPDF = "application/pdf"
    IMAGEGIF = "image/gif"
    IMAGEJPEG = "image/jpeg"
    IMAGEPNG = "image/png"
    IMAGEWEBP = "image/webp"

    def __str__(self) -> str:
        return str(self.value)
