import type { Migration } from './migration';

/**
 * The clinic's stock: a catalogue of products, the lots received of each (with expiry as the pack
 * prints it), and every movement of a lot (received, used at a session, written off with a
 * reason, corrected by a stock count).
 *
 * - A lot keeps its stock on hand as a column, moved by triggers as movements are written, so
 *   Home and the chair read it by index without summing the ledger on every visit. The ledger
 *   itself is never updated; a session's use is rewritten with the session (same transaction).
 * - A lot keeps its last usable day (the month's end for a month lot) beside the expiry as
 *   printed, so "expiring within 30 days" is an indexed range over lots still on hand.
 * - Products and lots are archived, never deleted: sessions and the ledger point at them.
 * - A session's lot row may name the catalogue lot it was picked from (null: typed by hand).
 * - A session erased by the retention purge leaves its stock movement behind, unlinked, so the
 *   stock on hand does not change when a client's record goes.
 */
export const stockAndLots: Migration = {
  version: 15,
  name: 'stock: product catalogue, lots with expiry, stock movements, lots used at sessions',
  sql: `
    CREATE TABLE stock_product (
      id TEXT PRIMARY KEY,
      category TEXT NOT NULL CHECK (category IN ('cartridge', 'serum', 'topical', 'other')),
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
      maker TEXT NOT NULL DEFAULT '',
      model TEXT NOT NULL DEFAULT '',
      configuration TEXT NOT NULL DEFAULT '',
      compatible_device TEXT NOT NULL DEFAULT '',
      size TEXT NOT NULL DEFAULT '',
      minimum_on_hand INTEGER CHECK (minimum_on_hand >= 0),
      on_hand INTEGER NOT NULL DEFAULT 0,
      archived_at TEXT,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX stock_product_below_minimum ON stock_product (name)
      WHERE archived_at IS NULL AND minimum_on_hand IS NOT NULL AND on_hand < minimum_on_hand;
    CREATE TRIGGER stock_product_refuses_delete BEFORE DELETE ON stock_product
      BEGIN SELECT RAISE(ABORT, 'a stock product is archived, never deleted'); END;

    CREATE TABLE stock_lot (
      id TEXT PRIMARY KEY,
      product_id TEXT NOT NULL REFERENCES stock_product (id),
      lot TEXT NOT NULL CHECK (length(lot) BETWEEN 1 AND 60),
      lot_folded TEXT NOT NULL,
      expiry TEXT,
      last_usable_day TEXT,
      on_hand INTEGER NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
      created_at TEXT NOT NULL,
      UNIQUE (product_id, lot_folded)
    ) STRICT;
    CREATE INDEX stock_lot_by_lot ON stock_lot (lot_folded);
    CREATE INDEX stock_lot_on_hand_by_expiry ON stock_lot (last_usable_day) WHERE on_hand > 0;
    CREATE TRIGGER stock_lot_refuses_delete BEFORE DELETE ON stock_lot
      BEGIN SELECT RAISE(ABORT, 'a stock lot is kept, never deleted'); END;

    CREATE TABLE stock_movement (
      seq INTEGER PRIMARY KEY,
      lot_id TEXT NOT NULL REFERENCES stock_lot (id),
      kind TEXT NOT NULL CHECK (kind IN ('received', 'used', 'written-off', 'counted')),
      -- The change to what is on the shelf: positive in, negative out, either way for a count.
      change INTEGER NOT NULL CHECK (change <> 0),
      reason TEXT CHECK (reason IS NULL OR reason IN ('expired', 'damaged', 'recalled', 'other')),
      note TEXT NOT NULL DEFAULT '',
      supplier TEXT NOT NULL DEFAULT '',
      received_on TEXT,
      session_id TEXT REFERENCES treatment_session (id),
      at TEXT NOT NULL,
      by TEXT NOT NULL REFERENCES staff (id)
    ) STRICT;
    CREATE INDEX stock_movement_by_lot ON stock_movement (lot_id, seq);
    CREATE INDEX stock_movement_by_session ON stock_movement (session_id) WHERE session_id IS NOT NULL;
    CREATE INDEX stock_movement_used_by_month ON stock_movement (kind, at);

    CREATE TRIGGER stock_movement_moves_stock AFTER INSERT ON stock_movement
      BEGIN
        UPDATE stock_lot SET on_hand = on_hand + NEW.change WHERE id = NEW.lot_id;
        UPDATE stock_product SET on_hand = on_hand + NEW.change WHERE id = (SELECT product_id FROM stock_lot WHERE id = NEW.lot_id);
      END;
    CREATE TRIGGER stock_movement_unmoves_stock AFTER DELETE ON stock_movement
      BEGIN
        UPDATE stock_lot SET on_hand = on_hand - OLD.change WHERE id = OLD.lot_id;
        UPDATE stock_product SET on_hand = on_hand - OLD.change WHERE id = (SELECT product_id FROM stock_lot WHERE id = OLD.lot_id);
      END;
    CREATE TRIGGER stock_movement_refuses_update BEFORE UPDATE OF lot_id, kind, change, reason, at, by ON stock_movement
      BEGIN SELECT RAISE(ABORT, 'a stock movement is never changed'); END;
    -- Only a session's own use is ever taken back (when the session is changed, same transaction).
    CREATE TRIGGER stock_movement_refuses_delete BEFORE DELETE ON stock_movement
      WHEN OLD.kind <> 'used' OR OLD.session_id IS NULL
      BEGIN SELECT RAISE(ABORT, 'a stock movement is never deleted'); END;
    CREATE TRIGGER treatment_session_leaves_stock_used BEFORE DELETE ON treatment_session
      BEGIN UPDATE stock_movement SET session_id = NULL WHERE session_id = OLD.id; END;

    ALTER TABLE session_lot ADD COLUMN stock_lot_id TEXT REFERENCES stock_lot (id);
    CREATE INDEX session_lot_by_stock_lot ON session_lot (stock_lot_id) WHERE stock_lot_id IS NOT NULL;
  `,
};
