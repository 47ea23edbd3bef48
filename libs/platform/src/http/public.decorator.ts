import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'kivuko:public';

/** Declares a route open to anyone. Every other route must declare the permission it needs. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);
