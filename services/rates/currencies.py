"""Currency codes: which a base may be, and how many decimals an amount in each has."""

from __future__ import annotations

_ISO_4217 = """
    AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN
    BWP BYN BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP
    ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IQD IRR
    ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD
    MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR
    PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL
    THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV WST XAF
    XAG XAU XCD XDR XOF XPD XPF XPT YER ZAR ZMW ZWL
"""
#: Codes the ECB published before they were replaced (a past day may be based on them).
_REPLACED = "CYP EEK LTL LVL MTL ROL SIT SKK TRL"
_NO_MINOR_UNIT = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF"
_THREE_DECIMALS = "BHD IQD JOD KWD LYD OMR TND"
_FOUR_DECIMALS = "CLF UYW"

#: A base outside these is refused without asking the provider (which publishes about thirty
#: of them and answers the others 404).
KNOWN = frozenset(_ISO_4217.split() + _REPLACED.split())

#: ISO 4217 minor units that are not 2.
MINOR_UNITS = {
    **dict.fromkeys(_NO_MINOR_UNIT.split(), 0),
    **dict.fromkeys(_THREE_DECIMALS.split(), 3),
    **dict.fromkeys(_FOUR_DECIMALS.split(), 4),
}


def minor_unit(code: str) -> int:
    """Decimals of an amount in `code` (ISO 4217; 2 when the standard gives none, as for
    precious metals)."""
    return MINOR_UNITS.get(code, 2)
