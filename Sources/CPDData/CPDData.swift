// The data folders compiled into the binary; see Plugins/EmbedDataPlugin.
