// The part of better-sqlite3's API (v12) that the SQLite driver uses. The package ships no types
// and @types/better-sqlite3 is not a dependency; if it becomes one, delete this file.
declare module 'better-sqlite3' {
  namespace Database {
    interface Options {
      readonly?: boolean
      fileMustExist?: boolean
      timeout?: number
    }

    interface RunResult {
      changes: number
      lastInsertRowid: number | bigint
    }

    interface Statement<Row = unknown> {
      run(...params: unknown[]): RunResult
      get(...params: unknown[]): Row | undefined
      all(...params: unknown[]): Row[]
      iterate(...params: unknown[]): IterableIterator<Row>
      /** Return only the first column of each row. */
      pluck(toggle?: boolean): this
      /** Return rows as arrays instead of objects. */
      raw(toggle?: boolean): this
      readonly reader: boolean
    }

    interface Transaction<F extends (...args: never[]) => unknown> {
      (...args: Parameters<F>): ReturnType<F>
      deferred: Transaction<F>
      immediate: Transaction<F>
      exclusive: Transaction<F>
    }

    interface Database {
      prepare<Row = unknown>(sql: string): Statement<Row>
      exec(sql: string): this
      pragma(source: string, options?: { simple?: boolean }): unknown
      transaction<F extends (...args: never[]) => unknown>(fn: F): Transaction<F>
      close(): this
      readonly open: boolean
      readonly inTransaction: boolean
      readonly readonly: boolean
      readonly name: string
    }

    interface SqliteError extends Error {
      /** SQLite's extended result code name, e.g. `SQLITE_CONSTRAINT_UNIQUE`. */
      code: string
    }
  }

  const Database: {
    new (filename: string, options?: Database.Options): Database.Database
    SqliteError: new (message: string, code: string) => Database.SqliteError
  }
  export = Database
}
