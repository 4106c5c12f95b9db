import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely } from 'kysely';

/** Column groups most tables share, named once. */
const GROUPS: Record<string, string[]> = {
  // A tenant's row: its id and the environment it belongs to (deleted with it).
  '@tenant': ['id text key', 'environment_id text! -> environments.id cascade'],
  // Who a connection or flow belongs to; owner_key folds the shape into one indexable string.
  '@owner': ['owner_type text!', 'user_id text', 'organization_id text', 'owner_key text!'],
  '@timestamps': ['created_at text!', 'updated_at text!'],
};

/**
 * `CREATE TABLE` from a column list (a tagged template: createTable(db, 'name')`…`), one column a line: `name type[!] [key] [unique] [-> table.column [cascade]]`,
 * where `!` is NOT NULL and `cascade` deletes the row with the one it references, or a group
 * name from GROUPS, or a table constraint: `@unique NAME: col, col` / `@primary NAME: col, col`. Only portable types (text, integer), so both dialects store alike. Written
 * once, so each migration reads as its schema rather than as builder calls.
 */
export const createTable =
  (db: Kysely<unknown>, name: string) =>
  (columns: TemplateStringsArray): CreateTableBuilder<string, string> =>
    tableFrom(db, name, columns.join(''));

function tableFrom(db: Kysely<unknown>, name: string, columns: string): CreateTableBuilder<string, string> {
  let table: CreateTableBuilder<string, string> = db.schema.createTable(name);
  const lines = columns.split('\n').flatMap((line) => GROUPS[line.trim()] ?? [line]);
  for (const line of lines) {
    const key = /^\s*@(unique|primary) (\w+): ([\w, ]+)$/.exec(line);
    if (key) {
      const [, kind, constraint, list] = key as unknown as [string, string, string, string];
      const cols = list.split(',').map((c) => c.trim());
      table = kind === 'unique' ? table.addUniqueConstraint(constraint, cols) : table.addPrimaryKeyConstraint(constraint, cols);
      continue;
    }
    const [column, type, ...rest] = line.trim().replace(/,$/, '').split(/\s+/);
    if (!column || !type) continue;
    const dataType = type.replace(/!$/, '');
    if (dataType !== 'text' && dataType !== 'integer') throw new Error(`${name}.${column}: unsupported type ${type}`);
    table = table.addColumn(column, dataType, (c) => constraints(c, type.endsWith('!'), rest));
  }
  return table;
}

function constraints(column: ColumnDefinitionBuilder, notNull: boolean, words: string[]): ColumnDefinitionBuilder {
  let c = notNull ? column.notNull() : column;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word === 'key') c = c.primaryKey();
    else if (word === 'unique') c = c.unique();
    else if (word === '->') c = c.references(words[++i] ?? '');
    else if (word === 'cascade') c = c.onDelete('cascade');
    else throw new Error(`unknown column constraint "${word}"`);
  }
  return c;
}

/** `CREATE INDEX name ON table (columns)`, in one line of a migration. */
export const createIndex = (db: Kysely<unknown>, name: string, table: string, columns: readonly string[]) =>
  db.schema
    .createIndex(name)
    .on(table)
    .columns([...columns]);
