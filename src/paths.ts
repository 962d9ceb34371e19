import { isAbsolute, relative, sep } from 'node:path';

/**
 * Whether `path` is `directory` or lies below it, by their names alone (resolve symlinks first
 * when they matter). Only a relative path that goes up — `..` itself or a `../` prefix — or one
 * that cannot be made relative (another drive) leaves it: `..items.csv` is a name like any other.
 */
export function isWithin(path: string, directory: string): boolean {
  const rest = relative(directory, path);
  return rest === '' || (rest !== '..' && !rest.startsWith(`..${sep}`) && !isAbsolute(rest));
}
