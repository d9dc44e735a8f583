import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { validateRows, type RowError } from '../dataset/row-validation';
import { emptyDataset, type DatasetKind, type VcDataset } from '../dataset/vc-dataset';
import { VcSyncService } from '../sync/vc-sync.service';
import type { ImportRequestDto, ImportResultDto } from './dto/import.dto';
import { UnreadableFileError, jsonRows, parseCsv, type RawRow } from './import-parser';
import { referenceErrors } from './reference-checks';

/** At most this many row errors are listed; the count says how many there were. */
const MAX_LISTED_ERRORS = 200;

/** The error body lists the summary first, then one `line N: …` entry per bad row. */
function refuse(kind: DatasetKind, errors: RowError[]): never {
  throw new UnprocessableEntityException({
    message: [
      `The ${kind} file was not imported: ${errors.length} row(s) are invalid, nothing was applied`,
      ...errors.slice(0, MAX_LISTED_ERRORS).map((error) => `line ${error.line}: ${error.errors.join('; ')}`),
    ],
  });
}

/**
 * CSV and JSON imports: every row is validated first, on its own and against the stored data, and
 * the file is applied all or nothing in one transaction through the same upsert as the daily sync, so a
 * re-import of the same rows changes nothing.
 */
@Injectable()
export class ImportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sync: VcSyncService,
  ) {}

  async import(kind: DatasetKind, request: ImportRequestDto): Promise<ImportResultDto> {
    let raw: RawRow[];
    try {
      raw = request.format === 'csv' ? parseCsv(request.content ?? '') : jsonRows(request.rows ?? []);
    } catch (error) {
      if (error instanceof UnreadableFileError) throw new UnprocessableEntityException(error.message);
      throw error;
    }
    if (raw.length === 0) throw new UnprocessableEntityException(`The ${kind} file has no rows`);
    const { rows, errors } = validateRows(kind, raw);
    if (errors.length > 0) refuse(kind, errors);
    const source = request.source ?? 'import';
    return this.dataSource.transaction(async (manager) => {
      const lines = rows.map((row, index) => ({ line: raw[index].line, row }));
      const referenceProblems = await referenceErrors(manager, kind, lines as never);
      if (referenceProblems.length > 0) refuse(kind, referenceProblems);
      const dataset: VcDataset = emptyDataset();
      (dataset[kind] as unknown[]) = rows;
      const counts = await this.sync.apply(manager, dataset, source);
      return { kind, rows: rows.length, counts, source };
    });
  }
}
