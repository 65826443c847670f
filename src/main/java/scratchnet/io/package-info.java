/**
 * Files written whole or not at all ({@link scratchnet.io.AtomicFiles}) and directory trees
 * removed ({@link scratchnet.io.FileTrees}).
 * <pre>{@code
 * AtomicFiles.write(Path.of("model.json"), bytes);
 * FileTrees.deleteTree(tempDir);
 * }</pre>
 */
package scratchnet.io;
