"""Derives the LtHash16 state-digest test vectors of packages/saksi/src/core/state/state-digest.test.ts
independently of the TypeScript code (Python standard library only): python3 scripts/lthash16-vectors.py"""
import hashlib, struct
TAG=b'saksi/state-lthash16/v1\n'
def elem(c,k,v):
    c,k,v=c.encode(),k.encode(),v.encode()
    return TAG+struct.pack('>I',len(c))+c+struct.pack('>I',len(k))+k+v
def expand(b): return hashlib.shake_128(b).digest(2048)
def lanes(b): return list(struct.unpack('<1024H',b))
def add(a,b): return [(x+y)&0xffff for x,y in zip(a,b)]
def sub(a,b): return [(x-y)&0xffff for x,y in zip(a,b)]
def pack(l): return struct.pack('<1024H',*l)
zero=[0]*1024
print('expand(abc)[:16]', expand(b'abc')[:16].hex())
print('empty checksum', hashlib.sha256(pack(zero)).hexdigest())
e1=elem('identity','did:key:z6MkA','{"name":"Toko Maju"}')
print('elem1', e1.hex())
e2=elem('welfare','hh/0001','{"members":2,"programme":"pkh"}')
e3=elem('identity','did:key:z6MkA','{"name":"Toko Maju Jaya"}')
h=add(add(zero,lanes(expand(e1))),lanes(expand(e2)))
print('{e1,e2} checksum', hashlib.sha256(pack(h)).hexdigest(), 'lanes0-3', h[:4])
h2=add(sub(h,lanes(expand(e1))),lanes(expand(e3)))
print('{e2,e3} checksum', hashlib.sha256(pack(h2)).hexdigest())
e4=elem('ü','k\u00e9y','"€"')
print('elem4', e4.hex())
