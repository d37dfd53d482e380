from enum import StrEnum

class UnitType3Type1(StrEnum):
    CUP = "cup"
    G = "g"
    KG = "kg"
    L = "l"
    ML = "ml"
    PIECE = "piece"
    PINCH = "pinch"
    TBSP = "tbsp"
    TO_TASTE = "to_taste"
    TSP = "tsp"

    def __str__(self) -> str:
        return str(self.value)
