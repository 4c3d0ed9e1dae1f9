import fc from 'fast-check';

const megabyte = 1024 * 1024;

/** Scalars that trip up careless code: JSON has none of these, IPC's structured clone has all. */
const hostileScalars: unknown[] = [
  undefined,
  null,
  true,
  false,
  0,
  -0,
  NaN,
  Infinity,
  -Infinity,
  Number.MAX_SAFE_INTEGER + 2,
  Number.MIN_VALUE,
  -1,
  1e308,
  2 ** 31,
  0n,
  -1n,
  2n ** 100n,
  new Date(Number.NaN),
  new Date(8.64e15),
  new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
  new ArrayBuffer(8),
  new Map([['__proto__', 1]]),
  new Set([1]),
  [],
  {},
  Object.create(null) as object,
];

/** Text an attacker, a clumsy paste or another script might put in any field. */
const hostileStrings: string[] = [
  '',
  ' ',
  '\t\n\r',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFF',
  'a\uDC00b\uD800',
  '\uFEFFname',
  '\u202Eevil\u202C',
  'İstanbul ǅ ß ﬃ',
  '👩🏽‍⚕️',
  '..\\..\\..\\Windows\\System32\\config\\SAM',
  '../../../../etc/passwd',
  '/etc/passwd',
  'C:\\Windows\\win.ini',
  '\\\\server\\share\\file',
  'file:///etc/passwd',
  'app://skinledger/../../etc/passwd',
  "'; DROP TABLE client; --",
  '" OR 1=1 --',
  'NEAR(a b) AND "x" OR * ^ - :',
  '"*',
  '<img src=x onerror=alert(1)>',
  '${process.exit()}',
  '__proto__',
  'constructor',
  'prototype',
  '0000-00-00',
  '9999-99-99',
  '2026-02-30',
  '1900-01-01',
  '+275760-09-13T00:00:00Z',
  '2026-11-25T24:00:00Z',
  '2026-11-25T09:00:00+14:00',
  '99:99',
  'admin',
  '1e400',
  'x'.repeat(10_000),
];

/** Keys that have meant prototype pollution somewhere, plus path-like and empty keys. */
export const hostileKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'then', '', '../x', 'a.b'];

const anythingConstraints = {
  key: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...hostileKeys)),
  maxDepth: 4,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withTypedArray: true,
  withSparseArray: true,
  withUnicodeString: true,
};

/** fc.anything() with every option on, prototype keys among the keys. */
export const anything = fc.anything(anythingConstraints);

/** A value for one field: hostile, random, or a real record's id (of the wrong kind, often). */
export function hostileLeaf(knownIds: string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    // Fresh containers per draw: mutations write into the payload, and a shared [] or {} would
    // carry those writes (a 'constructor' key, a cycle) into every later payload of the run.
    { weight: 5, arbitrary: fc.constantFrom(...hostileScalars).map(freshContainer) },
    { weight: 5, arbitrary: fc.constantFrom(...hostileStrings) },
    { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 120 }) },
    { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean()) },
    { weight: 2, arbitrary: fc.constantFrom(...knownIds) },
    { weight: 1, arbitrary: anything },
  );
}

type Container = Record<string, unknown> | unknown[];

function freshContainer(value: unknown): unknown {
  if (Array.isArray(value)) return [...value];
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) return { ...value };
  return value;
}

interface Mutation {
  op: 'replace' | 'respell' | 'delete' | 'add' | 'wrap';
  at: number;
  key: string;
  value: unknown;
  /** For 'respell': a value of the same type as the one replaced, so the schema often still passes. */
  alike: { text: string; number: number; flag: boolean };
}

function isContainer(value: unknown): value is Container {
  return Array.isArray(value) || (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype);
}

/** Every (container, key) in a payload, depth first. */
function slotsOf(root: Container): { parent: Container; key: string }[] {
  const slots: { parent: Container; key: string }[] = [];
  const walk = (node: Container) => {
    for (const key of Object.keys(node)) {
      slots.push({ parent: node, key });
      const child = (node as Record<string, unknown>)[key];
      if (isContainer(child)) walk(child);
    }
  };
  walk(root);
  return slots;
}

function setOwn(target: Container, key: string, value: unknown): void {
  // An array's own "length" cannot be redefined (defineProperty throws RangeError or TypeError),
  // and no message that crosses the bridge can carry one: that mutation is left out.
  if (Array.isArray(target) && key === 'length') return;
  // defineProperty, so "__proto__" becomes an own key as JSON.parse or structured clone would make it.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function applyMutation(root: unknown, mutation: Mutation): unknown {
  if (!isContainer(root)) return mutation.op === 'wrap' ? [root] : mutation.value;
  const slots = slotsOf(root);
  if (slots.length === 0 || mutation.op === 'add') {
    const containers = [root, ...slots.map((s) => (s.parent as Record<string, unknown>)[s.key]).filter(isContainer)];
    setOwn(containers[mutation.at % containers.length]!, mutation.key, mutation.value);
    return root;
  }
  const { parent, key } = slots[mutation.at % slots.length]!;
  const current = (parent as Record<string, unknown>)[key];
  if (mutation.op === 'delete') {
    // Not splice: it looks up the array's own 'constructor', which an earlier mutation may have set,
    // and Number('constructor') would remove element 0 instead of the key.
    if (Array.isArray(parent) && /^\d+$/.test(key)) {
      for (let i = Number(key); i < parent.length - 1; i++) parent[i] = parent[i + 1];
      parent.length--;
    } else delete (parent as Record<string, unknown>)[key];
  } else if (mutation.op === 'respell') {
    const alike = typeof current === 'string' ? mutation.alike.text : typeof current === 'number' ? mutation.alike.number : typeof current === 'boolean' ? mutation.alike.flag : mutation.value;
    setOwn(parent, key, alike);
  } else if (mutation.op === 'wrap') {
    setOwn(parent, key, mutation.at % 2 === 0 ? [current] : { value: current });
  } else {
    setOwn(parent, key, mutation.value);
  }
  return root;
}

/**
 * A valid sample, changed in one to three places: a field replaced by a hostile value or by
 * another value of its own type, a field removed, a (prototype) key added, a value wrapped in
 * an array or object. Most of these pass
 * the first fields of the schema and fail later, or pass entirely and reach the handler.
 */
export function mutatedSample(sample: unknown, knownIds: string[]): fc.Arbitrary<unknown> {
  const mutation = fc.record({
    op: fc.constantFrom<Mutation['op']>('replace', 'replace', 'respell', 'respell', 'respell', 'delete', 'add', 'wrap'),
    at: fc.nat(),
    key: fc.oneof(fc.constantFrom(...hostileKeys), fc.string({ maxLength: 8 })),
    value: hostileLeaf(knownIds),
    alike: fc.record({
      text: fc.oneof(fc.constantFrom(...hostileStrings), fc.string({ unit: 'binary', maxLength: 60 }), fc.constantFrom(...knownIds)),
      number: fc.oneof(fc.integer({ min: -5, max: 60 }), fc.double({ min: -1, max: 10, noNaN: true }), fc.constantFrom(-0, 0.1, 3, 2 ** 31)),
      flag: fc.boolean(),
    }),
  });
  return fc.array(mutation, { minLength: 1, maxLength: 3 }).map((mutations) => mutations.reduce(applyMutation, structuredClone(sample)));
}

/** Random and malformed payloads for one channel, around its valid sample. */
export function payloadsFor(sample: unknown, knownIds: string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: anything },
    { weight: 1, arbitrary: hostileLeaf(knownIds) },
    { weight: 6, arbitrary: mutatedSample(sample, knownIds) },
    { weight: 1, arbitrary: fc.constant(sample).map((s) => structuredClone(s)) },
  );
}

function nested(depth: number, wrap: (inner: unknown) => unknown): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = wrap(value);
  return value;
}

function replaceStrings(value: unknown, by: () => unknown): unknown {
  if (typeof value === 'string') return by();
  if (Array.isArray(value)) return value.map((v) => replaceStrings(v, by));
  if (isContainer(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceStrings(v, by)]));
  return value;
}

function replaceLeaves(value: unknown, by: () => unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => replaceLeaves(v, by));
  if (isContainer(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceLeaves(v, by)]));
  return by();
}

let giants: { name: string; value: unknown }[] | null = null;

/** Built once: 10 MB strings and 10,000-deep nesting are expensive to make, cheap to reuse. */
function giantValues() {
  giants ??= [
    { name: '10 MB string', value: 'a'.repeat(10 * megabyte) },
    { name: '1 MB of lone surrogates', value: '\uD800'.repeat(megabyte) },
    { name: '1 MB of spaces around a letter', value: ' '.repeat(megabyte / 2) + 'x' + ' '.repeat(megabyte / 2) },
    { name: '10,000-deep object', value: nested(10_000, (inner) => ({ a: inner })) },
    { name: '10,000-deep array', value: nested(10_000, (inner) => [inner]) },
  ];
  return giants;
}

/**
 * A few giant payloads per channel: each giant as the whole payload, and the valid sample with
 * every text field (then every field) replaced by it.
 */
export function giantPayloadsFor(sample: unknown): { name: string; payload: unknown }[] {
  const out: { name: string; payload: unknown }[] = [];
  for (const giant of giantValues()) {
    out.push({ name: giant.name, payload: giant.value });
    if (typeof giant.value === 'string') out.push({ name: `every text field a ${giant.name}`, payload: replaceStrings(sample, () => giant.value) });
    else out.push({ name: `every field a ${giant.name}`, payload: replaceLeaves(sample, () => giant.value) });
  }
  return out;
}
