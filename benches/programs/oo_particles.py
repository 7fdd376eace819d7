# Particle simulation with classes: a Vec class with arithmetic dunders
# (__add__, __sub__, __mul__, __rmul__, __iadd__, __neg__), Particle objects
# with position/velocity attributes, and a World class stepping them.
import sys
# Workload size (simulation steps); perf/gate passes a smaller one as sys.argv[1].
N = int(sys.argv[1]) if len(sys.argv) > 1 else 1000


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    def __rmul__(self, k):
        return Vec(self.x * k, self.y * k)

    def __iadd__(self, other):
        self.x += other.x
        self.y += other.y
        return self

    def __neg__(self):
        return Vec(-self.x, -self.y)

    def dot(self, other):
        return self.x * other.x + self.y * other.y

    def length2(self):
        return self.x * self.x + self.y * self.y


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def uniform(self):
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        return self.state / 2147483648.0


class Particle:
    def __init__(self, pos, vel, mass):
        self.pos = pos
        self.vel = vel
        self.mass = mass
        self.force = Vec(0.0, 0.0)
        self.bounces = 0

    def kinetic(self):
        return 0.5 * self.mass * self.vel.length2()

    def integrate(self, dt):
        self.vel += self.force * (dt / self.mass)
        self.pos += self.vel * dt


class HeavyParticle(Particle):
    def integrate(self, dt):
        # heavy particles feel drag
        super().integrate(dt)
        self.vel = self.vel * 0.999


class World:
    gravity = Vec(0.0, -0.5)

    def __init__(self, n, size, seed):
        rng = Lcg(seed)
        self.size = size
        self.particles = []
        for i in range(n):
            pos = Vec(rng.uniform() * size, rng.uniform() * size)
            vel = Vec(rng.uniform() - 0.5, rng.uniform() - 0.5)
            if i % 5 == 0:
                self.particles.append(HeavyParticle(pos, vel, 4.0))
            else:
                self.particles.append(Particle(pos, vel, 1.0))
        self.time = 0.0

    def compute_forces(self):
        ps = self.particles
        g = self.gravity
        for p in ps:
            p.force = g * p.mass
        n = len(ps)
        for i in range(n):
            a = ps[i]
            for j in range(i + 1, n):
                b = ps[j]
                d = b.pos - a.pos
                r2 = d.length2() + 0.01
                if r2 < 4.0:
                    # short-range repulsion
                    f = d * (0.05 / r2)
                    a.force += -f
                    b.force += f

    def collide_walls(self, p):
        s = self.size
        pos = p.pos
        vel = p.vel
        if pos.x < 0.0:
            pos.x = -pos.x
            vel.x = -vel.x
            p.bounces += 1
        elif pos.x > s:
            pos.x = 2 * s - pos.x
            vel.x = -vel.x
            p.bounces += 1
        if pos.y < 0.0:
            pos.y = -pos.y
            vel.y = -vel.y * 0.9
            p.bounces += 1
        elif pos.y > s:
            pos.y = 2 * s - pos.y
            vel.y = -vel.y
            p.bounces += 1

    def step(self, dt):
        self.compute_forces()
        for p in self.particles:
            p.integrate(dt)
            self.collide_walls(p)
        self.time += dt

    def energy(self):
        return sum([p.kinetic() for p in self.particles])

    def centroid(self):
        c = Vec(0.0, 0.0)
        for p in self.particles:
            c += p.pos
        return c * (1.0 / len(self.particles))


def main(steps):
    world = World(60, 12.0, 2024)
    print(f"e0 {world.energy():.9f}")
    for _ in range(steps):
        world.step(0.05)
    c = world.centroid()
    print(f"e1 {world.energy():.9f}")
    print(f"centroid {c.x:.6f} {c.y:.6f}")
    print("bounces", sum([p.bounces for p in world.particles]))
    print(f"time {world.time:.2f}")


main(N)
