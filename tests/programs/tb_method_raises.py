# A method call obj.method(x) where the method raises inside.
class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance

    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError(f"insufficient funds: {self.balance} < {amount}")
        self.balance -= amount
        return self.balance

acct = Account("ann", 100)
print("left:", acct.withdraw(30))
print("left:", acct.withdraw(amount=500))
