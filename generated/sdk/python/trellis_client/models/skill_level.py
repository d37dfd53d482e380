from enum import StrEnum

class SkillLevel(StrEnum):
    ADVANCED = "ADVANCED"
    BEGINNER = "BEGINNER"
    EXPERT = "EXPERT"
    INTERMEDIATE = "INTERMEDIATE"

    def __str__(self) -> str:
        return str(self.value)
