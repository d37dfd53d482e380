from enum import StrEnum

class ListTasksSort(StrEnum):
    CREATED_AT = "created_at"
    DUE_AT = "due_at"
    VALUE_1 = "-created_at"
    VALUE_3 = "-due_at"

    def __str__(self) -> str:
        return str(self.value)
