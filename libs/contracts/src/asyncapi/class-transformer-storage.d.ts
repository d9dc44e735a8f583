// class-transformer ships the typings of its metadata storage but no entry point that maps to them.
declare module 'class-transformer/cjs/storage' {
  export { defaultMetadataStorage } from 'class-transformer/types/storage';
}
