print((1, 1) in {1: 1}.items(), [1, 1] in {1: 1}.items(), (1,) in {1: 1}.items())
print(([], 1) in {}.items())
