# bytes % args (and bytearray %): conversions, flags, widths, mappings.
print(b'%s and %s' % (b'spam', bytearray(b'eggs')), b'%b' % b'bee', b'%s' % memoryview(b'mv'))
print(b'%d %i %u' % (1, -2, 3), b'%5d|%-5d|%05d|%+d|% d' % (42, 42, 42, 42, 42))
print(b'%x %X %#x %#X %o %#o' % (255, 255, 255, 255, 8, 8), b'%.3d' % 7, b'%d' % 3.99, b'%d' % True)
print(b'%f %.2f %e %g %G %10.3f|' % (3.14159, 2.5, 12345.678, 0.00001, 1e20, -1.5))
print(b'%r %a' % ('é', b'x'), b'%r' % [1, b'a'], b'%a' % 'smile😀')
print(b'%c%c%c' % (104, b'i', bytearray(b'!')), b'%5c|%-3c|' % (65, 66))
print(b'%% %s %%' % b'pct', b'100%%' % (), b'no args' % ())
print(b'%(name)s is %(age)d' % {b'name': b'Bob', b'age': 30}, b'%(x)s %(x)r' % {b'x': b'y'})
print(b'%*d|%-*d|%.*f' % (5, 1, 4, 2, 2, 3.14159), b'%.2s' % b'abcdef', b'%5s|%-5s|' % (b'ab', b'cd'))
print(bytearray(b'%s-%d') % (b'x', 5), type(bytearray(b'%s') % b'q').__name__, b'%s' % (b'tuple',))
print(b'\xff%s\x00' % b'\xfe', b'%s' % bytes(3), b'%x' % 2**70)
class HasBytes:
    def __bytes__(self):
        return b'<custom>'
print(b'[%s]' % HasBytes())
for fmt, args in [(b'%s', 'str'), (b'%d', b'x'), (b'%c', 256), (b'%c', 'a'), (b'%c', b'ab'), (b'%z', 1), (b'%s %s', (b'a',)),
                  (b'%s', (b'a', b'b')), (b'%(k)s', (1,)), (b'%', ()), (b'%(k', {b'k': 1}), (b'%(k)s', {b'j': 1}), (b'%x', 1.5)]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, OverflowError, KeyError) as e:
        print(type(e).__name__, e)
