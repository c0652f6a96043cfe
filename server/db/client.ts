// The one module that gives out a Prisma client. Everything else receives a `Db` from here
// (the app through getDb(), tests and scripts through openDatabase()).
import { AsyncLocalStorage } from "node:async_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { PGlite } from "@electric-sql/pglite";
import { databaseConfigFromEnv, openPGlite, type DatabaseConfig } from "./connection";
import { PrismaClient, Prisma } from "./generated/client";
import { applyPendingMigrations } from "./migrations";

export { Prisma };
export type Db = PrismaClient;
/** A client or an open interactive transaction: services accept either. */
export type DbClient = PrismaClient | Prisma.TransactionClient;

/** How the job queue (pg-boss) reaches the same database: see queueConnectionOnPGlite. */
export type QueueConnection = { connectionString: string } | { db: { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> } };

export type OpenDatabase = {
  db: Db;
  kind: DatabaseConfig["kind"];
  queueConnection: QueueConnection;
  close(): Promise<void>;
};

/**
 * pg-boss on the embedded database's one connection. PGlite runs each top-level call after any
 * open transaction (its own lock), so a queue statement never lands inside a Prisma interactive
 * transaction; the other way round, code inside a Prisma transaction must never await the queue
 * (it would wait for its own transaction). Text without parameters may hold several statements
 * (pg-boss's locked migrations): it goes through exec, and the rows of the last statement that
 * returns any columns come back.
 */
export function queueConnectionOnPGlite(pglite: PGlite): QueueConnection {
  return {
    db: {
      async executeSql(text, values) {
        if (values?.length) return { rows: (await pglite.query(text, values)).rows };
        const results = await pglite.exec(text);
        return { rows: results.findLast((result) => result.fields.length > 0)?.rows ?? [] };
      },
    },
  };
}

/**
 * How long a transaction waits for a connection before it gives up (Prisma's default is 2 s).
 * Under load every connection may be taken for a while: 200 preparers autosaving at once on two
 * cores made most saves fail after 2 s with "Unable to start a transaction in the given time"
 * (tests/load). A save should rather wait its turn.
 */
const TRANSACTION_MAX_WAIT_MS = 30_000;

/**
 * How long a transaction may run (Prisma's default is 5 s). A narrowed client runs each query
 * outside an interactive transaction in a batch transaction of its own (scopedDb), and a batch
 * transaction takes only this client-wide timeout: at 5 s the country's dashboard queries on the
 * national dataset failed under load, where unnarrowed they had had no limit.
 */
const TRANSACTION_TIMEOUT_MS = 60_000;
const TRANSACTION_OPTIONS = { maxWait: TRANSACTION_MAX_WAIT_MS, timeout: TRANSACTION_TIMEOUT_MS };

/** Wraps an already-open PGlite instance (tests use in-memory ones). */
export function prismaOnPGlite(pglite: PGlite): Db {
  return new PrismaClient({ adapter: declaringScope(new PrismaPGlite(pglite)), transactionOptions: TRANSACTION_OPTIONS });
}

/**
 * node-postgres's pool, except that a client whose connection dies while it is checked out is
 * given back (and discarded) at once. Prisma's driver adapter gives a transaction's client back
 * only once its ROLLBACK or COMMIT has run: when PostgreSQL restarted under load, every
 * transaction open at that moment kept its pool slot for good, and once all ten were gone every
 * later query waited forever (tests/load). A second release of the same client is ignored.
 */
function releasingPool(url: string): pg.Pool {
  // Prisma's connection_limit URL parameter sizes the pool (node-postgres's default: 10).
  const limit = Number(new URL(url).searchParams.get("connection_limit"));
  const pool = new pg.Pool({ connectionString: url, ...(limit > 0 ? { max: limit } : {}) });
  // A client is handed out with no "error" listener until its taker adds one a moment later: a
  // connection made just as PostgreSQL shuts down receives its "terminating connection" in that
  // moment, and an "error" event nobody listens to is an uncaught exception. The failure still
  // reaches whoever uses the client (its queries fail, "end" gives it back).
  pool.on("connect", (client) => client.on("error", () => undefined));
  const connect = pool.connect.bind(pool);
  const guard = (client: pg.PoolClient): pg.PoolClient => {
    const release = client.release.bind(client);
    let released = false;
    const giveBack = (error?: Error | boolean) => {
      if (released) return;
      released = true;
      client.off("end", lost);
      release(error);
    };
    const lost = () => giveBack(new Error("connection lost while checked out"));
    client.once("end", lost);
    client.release = giveBack;
    return client;
  };
  // pool.query() checks out with a callback and releases by itself: only promise checkouts (transactions) need the guard.
  pool.connect = ((callback?: Parameters<typeof connect>[0]) => (callback ? connect(callback) : connect().then(guard))) as typeof pool.connect;
  return pool;
}

/** Each connect() of the Prisma client gets a fresh releasingPool, ended when the client disconnects. */
class ReleasingPoolAdapterFactory extends PrismaPg {
  constructor(private readonly url: string) {
    super({ connectionString: url });
  }

  override connect() {
    return new PrismaPg(releasingPool(this.url), { disposeExternalPool: true }).connect();
  }
}

export function prismaOnPostgres(url: string): Db {
  return new PrismaClient({ adapter: declaringScope(new ReleasingPoolAdapterFactory(url)), transactionOptions: TRANSACTION_OPTIONS });
}

/**
 * Whose rows a narrowed client sees (row-level security: README, Security model): the whole
 * country (a national administrator), or the nodes a caller holds roles at with everything below
 * them, plus the own rows (names, deadlines, reviewers) of the districts and provinces above
 * them. The client openDatabase gives is not narrowed: it is the system scope of jobs, public
 * pages, sign-in and scripts, and sees every row.
 */
export type DbScope =
  | { kind: "national"; userId: string }
  | {
      kind: "nodes";
      userId: string;
      organizationIds: string[];
      districtIds: string[];
      provinceIds: string[];
      aboveDistrictIds: string[];
      aboveProvinceIds: string[];
    };

/** The app role (server/db/app-role.ts); a narrowed transaction runs as it even where the connection is the owner (the embedded database). */
const NARROWED_ROLE = "prongsai_app";

/** An SQL string literal (standard_conforming_strings, PostgreSQL's default since 9.1). */
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** A text[] literal of ids. */
const idArray = (ids: string[] = []) => literal(`{${ids.map((id) => `"${id.replace(/["\\]/g, "\\$&")}"`).join(",")}}`);

/**
 * One statement declaring the scope for the rest of its transaction only (set_config's `true`):
 * it ends with the transaction, committed or rolled back, so a pooled connection never carries
 * it to the next caller. Literals rather than parameters: the statement then needs no types
 * from the driver and goes in one round trip.
 */
function scopeDeclaration(scope: DbScope): string {
  const nodes = scope.kind === "nodes" ? scope : undefined;
  const settings: [string, string][] = [
    ["role", literal(NARROWED_ROLE)],
    ["prongsai.scope", literal(scope.kind)],
    ["prongsai.user", literal(scope.userId)],
    ["prongsai.organizations", idArray(nodes?.organizationIds)],
    ["prongsai.districts", idArray(nodes?.districtIds)],
    ["prongsai.provinces", idArray(nodes?.provinceIds)],
    ["prongsai.above_districts", idArray(nodes?.aboveDistrictIds)],
    ["prongsai.above_provinces", idArray(nodes?.aboveProvinceIds)],
  ];
  return `SELECT ${settings.map(([name, value]) => `set_config('${name}', ${value}, true)`).join(", ")}`;
}

/**
 * The scope of the narrowed call under way. It reaches the driver adapter (declaringScope), which
 * declares it in the transaction the call's statements run in: the declaration is then one
 * statement sent by the adapter, not a query of Prisma's of its own compiled for every call.
 */
const callScope = new AsyncLocalStorage<DbScope | undefined>();

type AdapterQuery = { sql: string; args: never[]; argTypes: never[] };
type AdapterTransaction = {
  readonly options: { usePhantomQuery: boolean };
  queryRaw(query: AdapterQuery): Promise<unknown>;
  executeRaw(query: AdapterQuery): Promise<number>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
};
type Adapter = {
  queryRaw(query: AdapterQuery): Promise<unknown>;
  executeRaw(query: AdapterQuery): Promise<number>;
  startTransaction(...args: never[]): Promise<AdapterTransaction>;
};

const statement = (sql: string): AdapterQuery => ({ sql, args: [], argTypes: [] });

/**
 * The driver adapter, declaring the scope of a narrowed call: first in every transaction the
 * call starts, and around every statement it sends outside one (a transaction of its own:
 * BEGIN, the declaration, the statement, COMMIT). Where the adapter leaves COMMIT and ROLLBACK
 * to its caller (usePhantomQuery false: node-postgres), they are sent here, as Prisma's own
 * transaction manager does.
 */
function declaringScope<Factory extends { connect(): Promise<Adapter> }>(factory: Factory): Factory {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const start = adapter.startTransaction.bind(adapter);
    const startDeclared = async (scope: DbScope, args: never[]) => {
      const transaction = await start(...args);
      await transaction.executeRaw(statement(scopeDeclaration(scope)));
      return transaction;
    };
    const inOwnTransaction = async <Result>(scope: DbScope, work: (transaction: AdapterTransaction) => Promise<Result>) => {
      const transaction = await startDeclared(scope, []);
      const sendsEnd = !transaction.options.usePhantomQuery;
      try {
        const result = await work(transaction);
        if (sendsEnd) await transaction.executeRaw(statement("COMMIT"));
        await transaction.commit();
        return result;
      } catch (error) {
        if (sendsEnd) await transaction.executeRaw(statement("ROLLBACK")).catch(() => undefined);
        await transaction.rollback();
        throw error;
      }
    };
    const queryRaw = adapter.queryRaw.bind(adapter);
    const executeRaw = adapter.executeRaw.bind(adapter);
    adapter.queryRaw = (query) => {
      const scope = callScope.getStore();
      return scope ? inOwnTransaction(scope, (transaction) => transaction.queryRaw(query)) : queryRaw(query);
    };
    adapter.executeRaw = (query) => {
      const scope = callScope.getStore();
      return scope ? inOwnTransaction(scope, (transaction) => transaction.executeRaw(query)) : executeRaw(query);
    };
    adapter.startTransaction = (...args) => {
      const scope = callScope.getStore();
      return scope ? startDeclared(scope, args) : start(...args);
    };
    return adapter;
  };
  return factory;
}

const unnarrowed = new WeakMap<object, PrismaClient>();

const scopes = new WeakMap<object, DbScope>();

/** The client a narrowed one was made from (itself when not narrowed): what per-process state such as caches is keyed by, not one request's narrowed client. */
export const unnarrowedClient = (db: DbClient): DbClient => unnarrowed.get(db) ?? db;

/** The rows a client sees, apart from whose it is: null for an unnarrowed client (every row); equal for callers of the same grants. */
export function visibleRowsKey(db: DbClient): string | null {
  const scope = scopes.get(db);
  if (!scope) return null;
  const { userId: _userId, ...rows } = scope;
  return JSON.stringify(rows);
}

/**
 * The client narrowed to a caller's scope: each of its calls runs with the scope declared by
 * the adapter (declaringScope). findUnique is the exception: Prisma gathers the findUniques of
 * one tick from every client into one statement, run in the context of whichever came first, so
 * a narrowed one goes in a batch transaction of its own that declares the scope itself. Batch
 * transactions of the caller's own ($transaction([...])) are not used in this code base and are
 * refused.
 */
export function scopedDb(db: Db, scope: DbScope): Db {
  const base = unnarrowed.get(db) ?? db;
  const extended = base.$extends({
    query: {
      async $allOperations({ operation, args, query }) {
        if (operation === "findUnique" || operation === "findUniqueOrThrow") {
          const [, result] = await base.$transaction([base.$executeRawUnsafe(scopeDeclaration(scope)), query(args) as Prisma.PrismaPromise<unknown>]);
          return result;
        }
        // Awaited inside run(): Prisma's promises are lazy and start their query when awaited.
        return callScope.run(scope, async () => await query(args));
      },
    },
  });
  const transaction = (work: unknown, options?: Parameters<PrismaClient["$transaction"]>[1]) => {
    if (typeof work !== "function") throw new Error("scopedDb: only interactive transactions are supported");
    // The scope is declared as the transaction starts; the work itself runs outside the call's
    // context, so that a query of the unnarrowed client made inside it stays unnarrowed.
    const outsideScope = (tx: Prisma.TransactionClient) => callScope.run(undefined, () => (work as (tx: Prisma.TransactionClient) => Promise<unknown>)(tx));
    return callScope.run(scope, () => base.$transaction(outsideScope, options));
  };
  const narrowed = new Proxy(extended, {
    get: (target, property, receiver) => (property === "$transaction" ? transaction : Reflect.get(target, property, receiver)),
  }) as unknown as Db;
  unnarrowed.set(narrowed, base);
  scopes.set(narrowed, scope);
  return narrowed;
}

/**
 * Opens the configured database. The embedded database applies its pending migrations first;
 * a PostgreSQL server is migrated explicitly with `npm run db:migrate`.
 */
export async function openDatabase(config: DatabaseConfig = databaseConfigFromEnv()): Promise<OpenDatabase> {
  if (config.kind === "postgresql") {
    const db = prismaOnPostgres(config.url);
    return { db, kind: config.kind, queueConnection: { connectionString: config.url }, close: () => db.$disconnect() };
  }
  const pglite = openPGlite(config.dataDir);
  await applyPendingMigrations(pglite);
  const db = prismaOnPGlite(pglite);
  return {
    db,
    kind: config.kind,
    queueConnection: queueConnectionOnPGlite(pglite),
    close: async () => {
      await db.$disconnect();
      // $disconnect does not close PGlite; an unclean stop costs a slow recovery next time.
      await pglite.close();
    },
  };
}

// One database per server process, kept on globalThis so that Next's separately bundled
// routes and hot reloads share it. `stopsGracefully`: the process stops through
// server/lifecycle.ts (npm start, npm run worker), which closes the database last.
const globalForDb = globalThis as unknown as { prongsaiDatabase?: Promise<OpenDatabase>; prongsaiStopsGracefully?: boolean };

export function getDatabase(): Promise<OpenDatabase> {
  globalForDb.prongsaiDatabase ??= openDatabase().then((database) => {
    // Elsewhere (next dev) close it on the signal: an embedded database left open recovers slowly.
    const closeOnExit = () => {
      if (!globalForDb.prongsaiStopsGracefully) void database.close().finally(() => process.exit(0));
    };
    process.once("SIGINT", closeOnExit);
    process.once("SIGTERM", closeOnExit);
    return database;
  });
  return globalForDb.prongsaiDatabase;
}

/** Says that this process closes its database itself when it stops (see server/lifecycle.ts). */
export function closeDatabaseOnStop(): void {
  globalForDb.prongsaiStopsGracefully = true;
}

/** Closes the process's database if it was opened. */
export async function closeProcessDatabase(): Promise<void> {
  const database = globalForDb.prongsaiDatabase;
  globalForDb.prongsaiDatabase = undefined;
  if (database) await (await database).close();
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}
