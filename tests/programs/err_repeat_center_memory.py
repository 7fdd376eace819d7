x = 'a'.center(2**62, '✓')
