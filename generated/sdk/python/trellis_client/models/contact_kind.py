from enum import StrEnum

class ContactKind(StrEnum):
    EMAIL = "EMAIL"
    GITHUB = "GITHUB"
    LINKEDIN = "LINKEDIN"
    MASTODON = "MASTODON"
    OTHER = "OTHER"
    PHONE = "PHONE"
    WEBSITE = "WEBSITE"

    def __str__(self) -> str:
        return str(self.value)
