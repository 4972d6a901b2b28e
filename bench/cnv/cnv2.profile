# cnv2.profile: dwgsim 2x150, 12x per haplotype copy, a panel of its own (profile for make-cnv-set.sh)
SET=cnv2
SIM=dwgsim
SIM_SEED=7310        # read simulation: seed = SIM_SEED + 10*sample_index + component
NAME_PREFIX=SIMD2    # read names: <prefix><sample_index>:7:HSIMFC:1:<n>
# Panel normals from the shared folder (same simulator and settings as this set): listed in panel.tsv.
SHARED_PANEL=()
# alias;patient_id;mrn;sex;role;genome_seed;events
# events (cnvsim.py): KIND:HAPMASK:MINLEN-MAXLEN:REGION_START-REGION_END[:CELL_FRACTION], or GAIN_MII:HAP /
# GAIN_MI:HAP:X for a whole-contig third copy. Each event is placed by the seed inside its region, where every
# 10 kb window it touches has at most 1% MAPQ-0 reads in the trio1 BAMs and it is 5 kb from N runs and ends.
SAMPLES=(
  "cnv2_segs;00.00.00-001.01;TEST-0000001;female;proband;41001;DEL:1:150000-200000:0-310000,DUP:2:40000-50000:370000-490000,DEL:3:40000-50000:710000-840000,DUP:1:90000-110000:860000-1000000"
  "cnv2_gain;00.00.00-002.02;TEST-0000002;male;proband;41002;GAIN_MI:2:400000"
  "cnv2_mosaic;00.00.00-003.03;TEST-0000003;female;proband;41003;DEL:2:150000-250000:0-310000:0.4,DUP:1:60000-80000:710000-1000000"
  "cnv2_normal;00.00.00-005.05;TEST-0000005;male;proband;41005;"
  "cnv2_pn1;00.00.00-011.11;TEST-0000011;female;normal;41011;"
  "cnv2_pn2;00.00.00-013.13;TEST-0000013;male;normal;41013;"
  "cnv2_pn3;00.00.00-015.15;TEST-0000015;female;normal;41015;"
  "cnv2_pn4;00.00.00-017.17;TEST-0000017;male;normal;41017;"
)
BASE_DEPTH=12.0  # per haplotype copy
