import { IsInt, IsString, Length, Max, Min } from 'class-validator';

/** One answer of a prediction, as events carry it. Options are numbered from 1 in the order given. */
export class PredictionOptionV1 {
  @IsInt()
  @Min(1)
  @Max(6)
  option: number;

  @IsString()
  @Length(1, 200)
  label: string;

  /** Canonical text of the auto-verify condition (empty for manual predictions). */
  @IsString()
  @Length(0, 500)
  condition: string;
}
