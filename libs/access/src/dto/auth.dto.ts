import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'border.official' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  username!: string;

  @ApiProperty({ example: 'kivuko-demo' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  refreshToken!: string;
}

/** Sign-out ends the access token's session; a refresh token, if given, has its family revoked as well. */
export class LogoutDto {
  @ApiPropertyOptional({ description: 'Another session of yours to end too (its refresh token)' })
  @IsOptional()
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  refreshToken?: string;
}

/** The password rules are those of a new account's first password (CreateUserDto). */
export class ChangePasswordDto {
  @ApiProperty({ description: 'The password you signed in with' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  currentPassword!: string;

  @ApiProperty({ minLength: 12, description: 'At least 12 characters, and not the current one' })
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  newPassword!: string;
}
