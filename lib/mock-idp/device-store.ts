// Device-flow state (RFC 8628) that cannot be stateless: whether the user approved a
// user_code, and when the device last polled. Kept in memory per server instance.

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

export type DeviceStore = {
  /** Returns the record for a user_code, creating it from the device_code's claims if this instance has not seen it. */
  ensure(record: Omit<DeviceRecord, "status" | "lastPollMs">): DeviceRecord;
  find(userCode: string, nowMs: number): DeviceRecord | undefined;
};

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
    ensure(record) {
      const key = normalizeUserCode(record.userCode);
      const existing = records.get(key);
      if (existing) return existing;
      const created: DeviceRecord = { ...record, status: "pending" };
      records.set(key, created);
      return created;
    },
    find(userCode, nowMs) {
      sweep(nowMs);
      return records.get(normalizeUserCode(userCode));
    },
  };
}
