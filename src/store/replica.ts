import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/** This process's name on leases: host, pid and a random tail (a restarted pid is another replica). */
export const REPLICA_ID = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
