/**
 * Message catalogues. Vietnamese is the reference; the English catalogue must have every key
 * (the type says so). Placeholders are written {name} and filled by Locale.t().
 */
import { coreEn, coreVi } from './messages/core.ts';
import { exportEn, exportVi } from './messages/export.ts';
import { extractEn, extractVi } from './messages/extract.ts';
import { sqlEn, sqlVi } from './messages/sql.ts';

/*
 * Each part of the page keeps its words in both languages in one file of messages/, so that a key and
 * its translation are edited together; the type of each English half asks for every key of its
 * Vietnamese half.
 */
export const vi = { ...coreVi, ...exportVi, ...sqlVi, ...extractVi } as const;

export type MessageKey = keyof typeof vi;
export type Messages = Record<MessageKey, string>;

export const en: Messages = { ...coreEn, ...exportEn, ...sqlEn, ...extractEn };

/** Every part's keys, to check that no two parts use the same key (a spread would keep only one). */
export const MESSAGE_PARTS = [coreVi, exportVi, sqlVi, extractVi] as const;
