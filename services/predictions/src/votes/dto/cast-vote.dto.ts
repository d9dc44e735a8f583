import { ApiHideProperty, ApiProperty } from '@nestjs/swagger';
import { Allow, IsInt, Max, Min } from 'class-validator';

export class CastVoteDto {
  @ApiProperty({ minimum: 1, maximum: 6, example: 2, description: 'The option number (1-based)' })
  @IsInt({ message: 'option must be an integer option number' })
  @Min(1)
  @Max(6)
  option: number;

  /** Accepted and ignored: identity comes from the bearer token only, never from the body. */
  @ApiHideProperty()
  @Allow()
  userId?: unknown;
}
