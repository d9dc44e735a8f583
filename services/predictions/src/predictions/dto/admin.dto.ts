import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Length, Max, Min } from 'class-validator';

export class ResolvePredictionDto {
  @ApiProperty({ minimum: 1, maximum: 6, description: 'The winning option of a manual prediction' })
  @IsInt()
  @Min(1)
  @Max(6)
  option: number;
}

export class CancelPredictionDto {
  @ApiProperty({ example: 'the question was ambiguous' })
  @IsString()
  @Length(3, 500)
  reason: string;
}
