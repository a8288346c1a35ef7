// Device-flow state (RFC 8628) that cannot be stateless: whether the user approved a
// user_code, and when the device last polled. This file holds the interface and the in-process
// store; with REDIS_URL every instance shares one (redis-state.server.ts). Records change only
// through `update`, an atomic read-modify-write, so a poll racing an approval cannot lose it.

export type DeviceStatus = "pending" | "approved" | "denied" | "redeemed";

export type DeviceRecord = {
  userCode: string;
  clientId: string;
  scope: string;
  expiresAtMs: number;
  status: DeviceStatus;
  /** Who approved, once approved. */
  sub?: string;
  anonymous?: boolean;
  lastPollMs?: number;
  intervalSeconds: number;
};

/** What a device authorization (or a device_code another instance issued) starts from. */
export type DeviceSeed = Omit<DeviceRecord, "status" | "lastPollMs">;

/** `record`: the new state to store (omitted: store nothing); `result`: what the caller gets back. */
export type DeviceChange<T> = { record?: DeviceRecord; result: T };

export type DeviceStore = {
  /** Starts tracking a user_code as pending; a no-op when it is tracked already. */
  ensure(seed: DeviceSeed, nowMs: number): Promise<void>;
  find(userCode: string, nowMs: number): Promise<DeviceRecord | undefined>;
  /**
   * Applies `change` to the current record (undefined when unknown or expired) atomically: when
   * two updates race, one of them sees the other's result. `change` may run more than once
   * (Redis retries on a conflict), so it must be pure.
   */
  update<T>(userCode: string, nowMs: number, change: (record: DeviceRecord | undefined) => DeviceChange<T>): Promise<T>;
};

export function newDeviceRecord(seed: DeviceSeed): DeviceRecord {
  return { ...seed, status: "pending" };
}

/** User codes are shown as BCDF-GHJK; people type them in any case, with or without the dash. */
export function normalizeUserCode(input: string): string {
  return input.toUpperCase().replace(/[^A-Z]/g, "");
}

const userCodeAlphabet = "BCDFGHJKLMNPQRSTVWXZ";

/** Eight letters without vowels (no accidental words), shown as XXXX-XXXX. */
export function generateUserCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  const letters = Array.from(bytes, (byte) => userCodeAlphabet[byte % userCodeAlphabet.length]).join("");
  return `${letters.slice(0, 4)}-${letters.slice(4)}`;
}

export function createDeviceStore(): DeviceStore {
  const records = new Map<string, DeviceRecord>();

  function sweep(nowMs: number): void {
    for (const [code, record] of records) if (record.expiresAtMs <= nowMs) records.delete(code);
  }

  return {
    async ensure(seed, nowMs) {
      sweep(nowMs);
      const key = normalizeUserCode(seed.userCode);
      if (!records.has(key)) records.set(key, newDeviceRecord(seed));
    },
    async find(userCode, nowMs) {
      sweep(nowMs);
      const record = records.get(normalizeUserCode(userCode));
      return record === undefined ? undefined : { ...record };
    },
    // Read, change and write without an await in between: atomic within the process.
    async update(userCode, nowMs, change) {
      sweep(nowMs);
      const key = normalizeUserCode(userCode);
      const current = records.get(key);
      const { record, result } = change(current === undefined ? undefined : { ...current });
      if (record !== undefined) records.set(key, { ...record });
      return result;
    },
  };
}
