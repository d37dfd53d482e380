from enum import StrEnum

class ChatRoomKind(StrEnum):
    DIRECT = "DIRECT"
    GROUP = "GROUP"

    def __str__(self) -> str:
        return str(self.value)
