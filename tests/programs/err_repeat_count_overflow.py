# A count that is no index-sized integer, even for an empty list.
x = [] * 2**63
