# Task scheduler with classes: Task subclasses overriding run(), a binary heap
# class used as a priority queue, properties, class attributes and method calls.
import sys
# Workload size (tasks submitted); perf/gate passes a smaller one as sys.argv[1].
N = int(sys.argv[1]) if len(sys.argv) > 1 else 25000


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def next(self, bound):
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        return (self.state >> 8) % bound


class Task:
    kind = "base"
    created = 0

    def __init__(self, tid, priority, work):
        self.tid = tid
        self._priority = priority
        self.work = work
        self.done = 0
        Task.created += 1

    @property
    def priority(self):
        return self._priority

    @priority.setter
    def priority(self, value):
        self._priority = value if value > 0 else 0

    @property
    def finished(self):
        return self.done >= self.work

    def key(self):
        return self._priority * 1000000 + self.tid

    def __lt__(self, other):
        return self.key() < other.key()

    def run(self, sched, quantum):
        step = min(quantum, self.work - self.done)
        self.done += step
        return step


class CpuTask(Task):
    kind = "cpu"

    def run(self, sched, quantum):
        step = super().run(sched, quantum)
        acc = 0
        for i in range(step):
            acc = (acc * 31 + i + self.tid) % 65521
        sched.checksum = (sched.checksum + acc) % 1000000007
        return step


class IoTask(Task):
    kind = "io"

    def __init__(self, tid, priority, work, device):
        super().__init__(tid, priority, work)
        self.device = device

    def run(self, sched, quantum):
        step = Task.run(self, sched, 1)
        sched.io_counts[self.device] = sched.io_counts.get(self.device, 0) + step
        # I/O-bound tasks lose priority each time they run
        self.priority = self.priority - 1
        return step


class SpawnTask(Task):
    kind = "spawn"

    def run(self, sched, quantum):
        step = super().run(sched, quantum)
        if self.finished and sched.spawned < sched.spawn_limit:
            sched.spawned += 1
            child = CpuTask(sched.next_id(), self.priority + 2, 3)
            sched.submit(child)
        return step


class BinaryHeap:
    def __init__(self):
        self.items = []

    def __len__(self):
        return len(self.items)

    def __bool__(self):
        return len(self.items) > 0

    def push(self, item):
        items = self.items
        items.append(item)
        i = len(items) - 1
        while i > 0:
            parent = (i - 1) >> 1
            if items[i] < items[parent]:
                items[i], items[parent] = items[parent], items[i]
                i = parent
            else:
                break

    def pop(self):
        items = self.items
        last = items.pop()
        if not items:
            return last
        top = items[0]
        items[0] = last
        n = len(items)
        i = 0
        while True:
            left = 2 * i + 1
            if left >= n:
                break
            child = left
            right = left + 1
            if right < n and items[right] < items[left]:
                child = right
            if items[child] < items[i]:
                items[i], items[child] = items[child], items[i]
                i = child
            else:
                break
        return top


class Scheduler:
    quantum = 4

    def __init__(self, spawn_limit):
        self.queue = BinaryHeap()
        self.clock = 0
        self.checksum = 0
        self.io_counts = {}
        self.completed = {}
        self.spawned = 0
        self.spawn_limit = spawn_limit
        self._next = 0
        self.order_hash = 0

    def next_id(self):
        self._next += 1
        return self._next

    def submit(self, task):
        self.queue.push(task)

    def step(self):
        task = self.queue.pop()
        used = task.run(self, self.quantum)
        self.clock += used
        self.order_hash = (self.order_hash * 131 + task.tid) % 1000000007
        if task.finished:
            self.completed[task.kind] = self.completed.get(task.kind, 0) + 1
        else:
            task.priority = task.priority + 1
            self.submit(task)

    def run_all(self):
        steps = 0
        while self.queue:
            self.step()
            steps += 1
        return steps


def make_task(sched, rng):
    tid = sched.next_id()
    r = rng.next(10)
    prio = rng.next(50)
    if r < 5:
        return CpuTask(tid, prio, 1 + rng.next(12))
    if r < 8:
        return IoTask(tid, prio, 1 + rng.next(4), "dev" + str(rng.next(4)))
    if r < 9:
        return SpawnTask(tid, prio, 1 + rng.next(6))
    return Task(tid, prio, 1 + rng.next(8))


def main(n):
    rng = Lcg(12345)
    sched = Scheduler(n // 4)
    total_steps = 0
    batch = 64
    submitted = 0
    while submitted < n:
        k = min(batch, n - submitted)
        for _ in range(k):
            sched.submit(make_task(sched, rng))
        submitted += k
        # run only part of the queue between batches so it stays non-trivial
        for _ in range(k // 2):
            if sched.queue:
                sched.step()
                total_steps += 1
    total_steps += sched.run_all()
    print("steps", total_steps, "clock", sched.clock)
    print("completed", sorted(sched.completed.items()))
    print("io", sorted(sched.io_counts.items()))
    print("spawned", sched.spawned, "created", Task.created)
    print("checksum", sched.checksum, sched.order_hash)


main(N)
