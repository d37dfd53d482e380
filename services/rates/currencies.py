"""Currency codes: which a base may be, and how many decimals an amount in each has."""

from __future__ import annotations

#: ISO 4217 codes in use, and the ones the ECB published before they were replaced (a past
#: day's snapshot may be based on them). A base outside this list is refused without asking the
#: provider (which publishes about thirty of them; it answers the others 404).
KNOWN = frozenset(
    """
    AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN
    BWP BYN BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP
    ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IQD IRR
    ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD
    MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR
    PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL
    THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV WST XAF
    XAG XAU XCD XDR XOF XPD XPF XPT YER ZAR ZMW ZWL
    CYP EEK LTL LVL MTL ROL SIT SKK TRL
    """.split()
)

#: ISO 4217 minor units that are not 2.
MINOR_UNITS = {
    **dict.fromkeys(
        "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF".split(), 0
    ),
    **dict.fromkeys("BHD IQD JOD KWD LYD OMR TND".split(), 3),
    **dict.fromkeys("CLF UYW".split(), 4),
}


def minor_unit(code: str) -> int:
    """Decimals of an amount in `code` (ISO 4217; 2 when the standard gives none, as for
    precious metals)."""
    return MINOR_UNITS.get(code, 2)
