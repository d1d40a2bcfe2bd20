/**
 * Sets `key` on `object` as an own, enumerable, writable property. Labels and keys come from the
 * text of a post, and `object['__proto__'] = value` would replace the object's prototype instead
 * of adding a field: the field would vanish from `Object.keys` and JSON, and its own fields would
 * be inherited by the object. `constructor` and `prototype` need no care: assigning them already
 * makes an own property.
 */
export function setOwn<T>(object: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}
