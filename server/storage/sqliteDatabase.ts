import type Database from 'better-sqlite3';

/** An open better-sqlite3 database. Its own module, so that database.ts and the migrations it runs form no cycle. */
export type SqliteDatabase = Database.Database;
