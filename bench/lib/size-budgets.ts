/** The byte budgets of the builds (config/size-budgets.json), checked when loaded. */
import fs from 'node:fs'
import path from 'node:path'

export interface SizeBudgets {
  weapp: { hardLimitBytes: number; mainBytes: number; subpackageBytes: number }
  h5: { firstLoadGzipBytes: number }
}

const FILE = path.resolve(__dirname, '../../config/size-budgets.json')

function bytes(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0)
    throw new Error(`${FILE}: ${name} must be a positive whole number of bytes`)
  return value
}

/** Reads and checks the budgets; throws naming the field that is wrong. */
export function loadSizeBudgets(file = FILE): SizeBudgets {
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as { weapp?: Record<string, unknown>; h5?: Record<string, unknown> }
  const weapp = raw.weapp ?? {}
  const h5 = raw.h5 ?? {}
  const budgets: SizeBudgets = {
    weapp: {
      hardLimitBytes: bytes(weapp.hardLimitBytes, 'weapp.hardLimitBytes'),
      mainBytes: bytes(weapp.mainBytes, 'weapp.mainBytes'),
      subpackageBytes: bytes(weapp.subpackageBytes, 'weapp.subpackageBytes'),
    },
    h5: { firstLoadGzipBytes: bytes(h5.firstLoadGzipBytes, 'h5.firstLoadGzipBytes') },
  }
  if (budgets.weapp.mainBytes > budgets.weapp.hardLimitBytes || budgets.weapp.subpackageBytes > budgets.weapp.hardLimitBytes) {
    throw new Error(`${FILE}: a package budget is above WeChat's ${budgets.weapp.hardLimitBytes} B limit`)
  }
  return budgets
}
