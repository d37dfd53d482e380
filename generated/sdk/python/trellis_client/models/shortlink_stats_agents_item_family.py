from enum import StrEnum

class ShortlinkStatsAgentsItemFamily(StrEnum):
    BOT = "BOT"
    CHROME = "CHROME"
    EDGE = "EDGE"
    FIREFOX = "FIREFOX"
    OPERA = "OPERA"
    OTHER = "OTHER"
    SAFARI = "SAFARI"
    TOOL = "TOOL"

    def __str__(self) -> str:
        return str(self.value)
