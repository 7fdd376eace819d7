# TypeError: calling an instance whose class has no __call__.
class Widget:
    def render(self):
        return "widget"


w = Widget()
print(w.render())
w()
