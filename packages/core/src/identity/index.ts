export * from './resident-id';
export * from './masking';
export * from './password-policy';
export * from './ethnicity';
